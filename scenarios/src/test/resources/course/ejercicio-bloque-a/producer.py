# The course's ejercicio-bloque-a/producer.py: a "staged" operation on the queue "hello" that
# SIGINT or SIGTERM stops between messages.
# The only difference from the course: the port comes from AMQP_PORT (default 5672).
import os
import signal
import time

import pika


class StagedProducer:
    def __init__(self):
        self.running = True
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)

    def stop(self, signum, frame):
        print("Deteniendo el envío de mensajes...")
        self.running = False

    def run(self):
        connection = pika.BlockingConnection(
            pika.ConnectionParameters(host='localhost', port=int(os.environ.get('AMQP_PORT', '5672'))))
        try:
            channel = connection.channel()
            channel.queue_declare(queue='hello')
            for stage in range(1, 4):
                if not self.running:
                    break
                print(f"Iniciando etapa {stage}")
                for message in range(1, 4):
                    if not self.running:
                        break
                    channel.basic_publish(exchange='', routing_key='hello',
                                          body=f"Etapa {stage} - Mensaje {message}")
                    time.sleep(1)
                if self.running:
                    print(f"Etapa {stage} completada")
                    time.sleep(2)
        finally:
            connection.close()


if __name__ == '__main__':
    StagedProducer().run()
