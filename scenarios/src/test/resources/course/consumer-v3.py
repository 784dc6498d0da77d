# The course's consumer-v3.py: a subscriber of the fanout exchange "business_events", through
# an exclusive queue whose name the server chooses.
# The only difference from the course: the port comes from AMQP_PORT (default 5672).
import os

import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost', port=int(os.environ.get('AMQP_PORT', '5672'))))
channel = connection.channel()

channel.exchange_declare(exchange='business_events', exchange_type='fanout')

result = channel.queue_declare(queue='', exclusive=True)
queue_name = result.method.queue

channel.queue_bind(exchange='business_events', queue=queue_name)


def callback(ch, method, properties, body):
    print(f"Event received: {body.decode()}")


channel.basic_consume(queue=queue_name, on_message_callback=callback, auto_ack=True)

channel.start_consuming()
