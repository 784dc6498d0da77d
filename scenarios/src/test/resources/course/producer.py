# The course's producer.py: sends "Hello World!" to the queue "hello".
# The only difference from the course: the port comes from AMQP_PORT (default 5672).
import os

import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost', port=int(os.environ.get('AMQP_PORT', '5672'))))
channel = connection.channel()

channel.queue_declare(queue='hello')

channel.basic_publish(exchange='', routing_key='hello', body='Hello World!')
print("Hello World! sent...")

connection.close()
