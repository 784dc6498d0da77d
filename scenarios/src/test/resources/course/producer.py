# Mensajero's re-creation of the course's producer.py (written from its description, not its code):
# sends "Hello World!" to the queue "hello".
# It connects as the course's scripts do: localhost, pika's default port, guest/guest. Another
# port comes from outside: PYTHONPATH=pika-shim AMQP_PORT=5673 (see pika-shim/sitecustomize.py).
import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost'))
channel = connection.channel()

channel.queue_declare(queue='hello')

channel.basic_publish(exchange='', routing_key='hello', body='Hello World!')
print("Hello World! sent...")

connection.close()
